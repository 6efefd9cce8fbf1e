import MinutesCore
print("minutes")
